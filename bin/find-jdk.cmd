@echo off
rem SPDX-License-Identifier: Apache-2.0
rem Windows twin of bin/find-jdk.sh: prints the home of a JDK >= 21 (JAVA_HOME first, then java.exe on PATH,
rem then the usual install folders). Exits 1 with a clear message on stderr when there is none.
setlocal EnableDelayedExpansion
set "MIN=21"
if defined JAVA_HOME (
  call :check "%JAVA_HOME%"
  if not errorlevel 1 ( echo %JAVA_HOME%& exit /b 0 )
)
for /f "delims=" %%J in ('where java.exe 2^>nul') do (
  for %%H in ("%%~dpJ..") do set "home=%%~fH"
  call :check "!home!"
  if not errorlevel 1 ( echo !home!& exit /b 0 )
)
for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Microsoft\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Amazon Corretto\jdk*" "%ProgramFiles%\Zulu\zulu-*") do (
  call :check "%%~fD"
  if not errorlevel 1 ( echo %%~fD& exit /b 0 )
)
echo milink: no JDK %MIN% or newer found (JAVA_HOME=%JAVA_HOME%; searched PATH and %ProgramFiles%). 1>&2
echo milink: install one (e.g. 'winget install EclipseAdoptium.Temurin.21.JDK') or set JAVA_HOME to it. 1>&2
exit /b 1

rem :check HOME -> errorlevel 0 when HOME holds java.exe and javac.exe of version MIN or newer
:check
if not exist "%~1\bin\java.exe" exit /b 1
if not exist "%~1\bin\javac.exe" exit /b 1
set "spec="
for /f "usebackq tokens=2 delims==" %%V in (`""%~1\bin\java.exe" -XshowSettings:properties -version 2>&1 | findstr /c:"java.specification.version""`) do set "spec=%%V"
if not defined spec exit /b 1
set "spec=%spec: =%"
if "%spec:~0,2%"=="1." exit /b 1
if %spec% GEQ %MIN% exit /b 0
exit /b 1
