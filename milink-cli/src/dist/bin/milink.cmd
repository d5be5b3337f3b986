@echo off
rem SPDX-License-Identifier: Apache-2.0
rem milink launcher for the installed distribution on Windows: runs lib\milink.jar with a Java >= 21 from JAVA_HOME or
rem PATH. Builds nothing. Launcher failures (no Java) exit 2, never 1, which means "not ready".
setlocal
set "MILINK_HOME=%~dp0.."
set "JAVA_EXE=java.exe"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" -version >nul 2>&1
if errorlevel 1 (
  echo milink: no Java found. Install Java 21 or newer and set JAVA_HOME to it. 1>&2
  exit /b 2
)
set "CDS="
if /i "%MILINK_CDS%"=="off" goto run
if "%~1"=="--version" goto run
rem lib\milink.jsa was made at build time with the JDK named in lib\milink.jsa.jdk ("JAVA_RUNTIME_VERSION OS_NAME
rem OS_ARCH" of its release file, then the jar's time): used with that JDK only (the JVM still validates it and ignores it silently).
rem Any other JDK: an archive of the first real command is created in %LOCALAPPDATA%\milink and reused after.
set "BUILT="
set "RV="
set "ON="
set "OA="
if exist "%MILINK_HOME%\lib\milink.jsa.jdk" for /f "usebackq tokens=1-3" %%a in ("%MILINK_HOME%\lib\milink.jsa.jdk") do set "BUILT=%%a %%b %%c"
if defined JAVA_HOME if exist "%JAVA_HOME%\release" for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME%\release") do (
  if "%%a"=="JAVA_RUNTIME_VERSION" set "RV=%%~b"
  if "%%a"=="OS_NAME" set "ON=%%~b"
  if "%%a"=="OS_ARCH" set "OA=%%~b"
)
if defined BUILT if exist "%MILINK_HOME%\lib\milink.jsa" if "%BUILT%"=="%RV% %ON% %OA%" (
  set "CDS=-XX:SharedArchiveFile=%MILINK_HOME%\lib\milink.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  goto run
)
if not defined LOCALAPPDATA goto run
if not exist "%LOCALAPPDATA%\milink" mkdir "%LOCALAPPDATA%\milink" 2>nul
set "CDS=-XX:SharedArchiveFile=%LOCALAPPDATA%\milink\milink-auto.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
:run
"%JAVA_EXE%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %CDS% %MILINK_JAVA_OPTS% -jar "%MILINK_HOME%\lib\milink.jar" %*
