/**
 * Where report files go: e-mail over SMTP, S3-compatible storage (SigV4), Google Drive
 * and Dropbox over their HTTP upload APIs (access tokens from stored refresh tokens,
 * resumable and session uploads for large files). Knows files, not features.
 */
package com.onsiteatlas.reporting.delivery;
