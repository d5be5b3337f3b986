@echo off
rem SPDX-License-Identifier: Apache-2.0
rem Windows twin of ./milink: finds a JDK >= 21 (bin\find-jdk.cmd), builds milink-cli\target\milink.jar on first
rem use or when sources are newer than the jar, then runs it. Build output goes to stderr so stdout stays clean.
rem Launcher failures (no JDK, build failed) exit 2, never 1, which means "not ready".
setlocal
set "MILINK_HOME=%~dp0"
set "MILINK_JAR=%MILINK_HOME%milink-cli\target\milink.jar"
set "JH="
for /f "delims=" %%H in ('call "%MILINK_HOME%bin\find-jdk.cmd"') do set "JH=%%H"
if not defined JH exit /b 2
set "JAVA_HOME=%JH%"

set "BUILD="
if not exist "%MILINK_JAR%" set "BUILD=1"
if defined BUILD goto build
powershell -NoProfile -NonInteractive -Command "$j=(Get-Item -LiteralPath $env:MILINK_JAR).LastWriteTime; $n=Get-ChildItem -LiteralPath $env:MILINK_HOME -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\(target|\.git)\\' -and ($_.Name -like '*.java' -or $_.Name -eq 'pom.xml' -or $_.FullName -match '\\src\\main\\resources\\') -and $_.LastWriteTime -gt $j } | Select-Object -First 1; if ($n) { exit 1 } else { exit 0 }"
if errorlevel 1 set "BUILD=1"
if not defined BUILD goto run

:build
echo milink: building the CLI (first run, or sources changed); this takes a minute... 1>&2
call "%MILINK_HOME%mvnw.cmd" -q -B -DskipTests package -pl milink-cli -am 1>&2
if errorlevel 1 (
  echo milink: the build failed ^(output above^). Fix it, or run: mvnw.cmd -DskipTests package -pl milink-cli -am 1>&2
  exit /b 2
)

:run
rem The class-data sharing archive the build made, when this JDK made it (the JVM still validates it).
set "CDS="
set "BUILT="
set "RV="
set "ON="
set "OA="
if /i "%MILINK_CDS%"=="off" goto java
if not exist "%MILINK_HOME%milink-cli\target\milink.jsa" goto java
if exist "%MILINK_HOME%milink-cli\target\milink.jsa.jdk" for /f "usebackq tokens=1-3" %%a in ("%MILINK_HOME%milink-cli\target\milink.jsa.jdk") do set "BUILT=%%a %%b %%c"
if exist "%JAVA_HOME%\release" for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME%\release") do (
  if "%%a"=="JAVA_RUNTIME_VERSION" set "RV=%%~b"
  if "%%a"=="OS_NAME" set "ON=%%~b"
  if "%%a"=="OS_ARCH" set "OA=%%~b"
)
if defined BUILT if "%BUILT%"=="%RV% %ON% %OA%" set "CDS=-XX:SharedArchiveFile=%MILINK_HOME%milink-cli\target\milink.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
:java
"%JAVA_HOME%\bin\java.exe" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %CDS% %MILINK_JAVA_OPTS% -jar "%MILINK_JAR%" %*
exit /b %ERRORLEVEL%
