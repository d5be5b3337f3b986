// SPDX-License-Identifier: Apache-2.0
/** Terminal control milink emits itself (progress redrawn in place), below every command package. */
package dev.milink.cli.terminal;
