// SPDX-License-Identifier: Apache-2.0
/** Reading user-named files safely: bounded in size, with errors that name the file and never its content. */
package dev.milink.core.io;
