// SPDX-License-Identifier: Apache-2.0
/** The managed instance's end of a link operation: reads the link resource, sends the link's ARM requests. */
package dev.milink.azure.link;
