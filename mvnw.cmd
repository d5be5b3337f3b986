@echo off
rem SPDX-License-Identifier: Apache-2.0
rem Windows twin of ./mvnw: runs Maven with a JDK >= 21 (found by bin\find-jdk.cmd). Uses mvn from PATH, or
rem downloads Apache Maven from Maven Central into %USERPROFILE%\.m2\wrapper on first use.
setlocal
set "here=%~dp0"
set "JH="
for /f "delims=" %%H in ('call "%here%bin\find-jdk.cmd"') do set "JH=%%H"
if not defined JH exit /b 1
set "JAVA_HOME=%JH%"
set "MAVEN_VERSION=3.9.9"

set "MVN="
for /f "delims=" %%M in ('where mvn.cmd 2^>nul') do if not defined MVN set "MVN=%%M"
if defined MVN goto run
set "MVN=%USERPROFILE%\.m2\wrapper\apache-maven-%MAVEN_VERSION%\bin\mvn.cmd"
if exist "%MVN%" goto run
echo mvnw: downloading Apache Maven %MAVEN_VERSION% from Maven Central 1>&2
powershell -NoProfile -NonInteractive -Command "$ErrorActionPreference='Stop'; [Net.ServicePointManager]::SecurityProtocol='Tls12'; $v=$env:MAVEN_VERSION; $u=\"https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$v/apache-maven-$v-bin.zip\"; $w=Join-Path $env:USERPROFILE '.m2\wrapper'; New-Item -ItemType Directory -Force -Path $w | Out-Null; $z=Join-Path $env:TEMP \"apache-maven-$v-bin.zip\"; Invoke-WebRequest -UseBasicParsing -Uri $u -OutFile $z; Expand-Archive -Force -Path $z -DestinationPath $w; Remove-Item $z"
if errorlevel 1 (
  echo mvnw: could not download Maven; install it and put mvn on PATH. 1>&2
  exit /b 1
)

:run
call "%MVN%" -f "%here%pom.xml" %*
exit /b %ERRORLEVEL%
