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
if /i not "%MILINK_CDS%"=="off" set "CDS=-XX:SharedArchiveFile=%MILINK_HOME%\lib\milink.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
"%JAVA_EXE%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %CDS% %MILINK_JAVA_OPTS% -jar "%MILINK_HOME%\lib\milink.jar" %*
