#!/usr/bin/env sh
# SPDX-License-Identifier: Apache-2.0
# Prints the home of a JDK >= 21: JAVA_HOME first, then the usual install locations, then `java` on PATH.
# Exits 1 with a clear message when there is none.
MIN=21

jdk_major() { # $1 = java home; prints the feature version or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  case "$v" in 1.*) v=${v#1.}; v=${v%%.*} ;; esac
  [ -n "$v" ] && echo "$v"
}
ok() { m=$(jdk_major "$1") && [ "$m" -ge "$MIN" ] 2>/dev/null; }

if [ -n "${JAVA_HOME:-}" ] && ok "$JAVA_HOME"; then echo "$JAVA_HOME"; exit 0; fi
best=""; bestv=0
for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
         "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
  [ -d "$d" ] || continue
  m=$(jdk_major "$d") || continue
  if [ "$m" -ge "$MIN" ] 2>/dev/null && [ "$m" -gt "$bestv" ]; then best=$d; bestv=$m; fi
done
if [ -n "$best" ]; then echo "$best"; exit 0; fi
if command -v javac >/dev/null 2>&1; then
  h=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  if ok "$h"; then echo "$h"; exit 0; fi
fi
echo "milink: no JDK $MIN or newer found (JAVA_HOME=${JAVA_HOME:-unset}; searched /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks)." >&2
echo "milink: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21) or set JAVA_HOME to it." >&2
exit 1
