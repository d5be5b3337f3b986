// SPDX-License-Identifier: Apache-2.0
package dev.milink.core.error;

/**
 * The error codes of milink's core: usage, configuration and input files, and internal errors. Each constant
 * carries its "Caused by / Solution" text, from which {@code docs/errors.md} is generated.
 */
public enum CoreError implements ErrorCode {
    USAGE(ExitStatus.USAGE,
            """
            an unknown option or command, a missing or malformed value (a target such as `sql01:99999`, an \
            unknown `--output` format, `--direction`, `--auth` mode or check id), or options that do not go \
            together (`--facts` with targets).""",
            """
            read the one-line message: it names the bad value and what is valid (often with "did you mean"). \
            `milink <command> --help` lists every option."""),
    CONFIG_INVALID(ExitStatus.USAGE,
            """
            the `--config` file cannot be read, is not valid YAML, has an unknown key (`fail_on` instead of \
            `fail-on`), a value of the wrong type, uses `${VAR}` for an environment variable that is not set, or \
            its `checks:`/`suppress:` sections name an unknown check or a suppression without a reason.""",
            """
            fix the key or value the message names. Valid keys: `targets`, `auth`, `user`, `password-file`, \
            `direction`, `databases`, `mi-fqdn`, `output`, `output-file`, `fail-on`, `parallel`, \
            `trust-server-certificate`, `host-name-in-certificate`, `trust-store`, `build-reference`, `checks`, \
            `suppress`. Unknown \
            keys are errors on purpose: a silently ignored typo would change a CI gate unnoticed."""),
    FACTS_FILE_INVALID(ExitStatus.USAGE,
            """
            the file given to `--facts` is not the output of `milink collect-script` (truncated, edited, saved \
            in another encoding, or produced by a different milink version's script).""",
            """
            run the script again with the command `milink collect-script` prints, and pass the new file. The \
            message names the file and the first problem found."""),
    BUILD_REFERENCE_INVALID(ExitStatus.USAGE,
            """
            the `--build-reference` file cannot be read or does not follow the build-reference format \
            (`lastUpdated`, builds, link minimums).""",
            """
            start from the bundled `milink-core/src/main/resources/buildref/sqlserver-builds.json`, edit, and \
            pass it again; the message names the file, line and field."""),
    SECRET_MISSING(ExitStatus.USAGE,
            """
            a password, client secret or access token is needed but none was given. milink has no `--password` \
            option, because command lines end up in shell history and in `ps`.""",
            """
            set `MILINK_SQL_PASSWORD` (or `MILINK_ACCESS_TOKEN` for `--auth access-token`), pass \
            `--password-file FILE` (first line, `chmod 600`), or run in a terminal to be prompted (no echo). In \
            CI use the pipeline's secret store to set the environment variable."""),
    INTERNAL(ExitStatus.INTERNAL,
            """
            a bug in milink: an unexpected exception in a check, a collector or the tool itself. A check that \
            throws becomes an ERROR finding naming the exception, and the rest of the run goes on; the exit code \
            is 70 unless something worse happened (a blocker failed, a target could not be reached).""",
            """
            run again with `--verbose` (stack traces on stderr) or `--log-file FILE` (the debug log) and report \
            the output; neither contains passwords or tokens.""");

    CoreError(ExitStatus exitStatus, String causedBy, String solution) {
        ErrorDoc.declare(this, exitStatus, causedBy, solution);
    }
}
