// SPDX-License-Identifier: Apache-2.0
/** Remediation plans: which fix steps to run, in which order. Pure data; applying lives in the collectors' modules. */
package dev.milink.core.fix;
