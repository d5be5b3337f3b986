// SPDX-License-Identifier: Apache-2.0
/**
 * Shared by milink's own modules; not API: anything here may change or disappear in any release. Types from
 * libraries (Jackson) may appear in signatures here and only here.
 */
package dev.milink.core.internal;
