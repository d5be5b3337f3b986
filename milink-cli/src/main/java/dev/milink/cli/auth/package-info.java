// SPDX-License-Identifier: Apache-2.0
/**
 * Signing in, for every command that connects: {@code check}, {@code fix} and {@code network test}. {@link
 * dev.milink.cli.auth.Credentials} turns an {@link dev.milink.cli.auth.AuthMode}, a user and the secret sources
 * named by a {@link dev.milink.cli.auth.Side} into an {@code Authentication}; it reads the environment, prompts and
 * warns only through an {@link dev.milink.cli.auth.AuthContext}, which the root command provides (and tests inject
 * through {@code Main.run(Environment, …)}).
 *
 * <p>This package sits below {@code dev.milink.cli}, {@code dev.milink.cli.options}, {@code dev.milink.cli.network}
 * and {@code dev.milink.cli.link} and depends on none of them, so they can share it without a package cycle. It is
 * the CLI's own plumbing, not library API.
 */
package dev.milink.cli.auth;
