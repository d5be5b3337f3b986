// SPDX-License-Identifier: Apache-2.0
/** Runs checks over facts and summarises the findings into a verdict. */
package dev.milink.core.assess;
