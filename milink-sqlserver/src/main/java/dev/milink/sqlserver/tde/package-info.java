// SPDX-License-Identifier: Apache-2.0
/**
 * Moving a TDE certificate with its private key from SQL Server to a managed instance without touching the
 * server's disk: {@link dev.milink.sqlserver.tde.TdeCertificateExport} reads it over T-SQL (CERTENCODED,
 * CERTPRIVATEKEY), {@link dev.milink.sqlserver.tde.Pvk} decodes SQL Server's PVK key blob and
 * {@link dev.milink.sqlserver.tde.Pfx} packages certificate and key as PKCS#12 for the upload.
 */
package dev.milink.sqlserver.tde;
