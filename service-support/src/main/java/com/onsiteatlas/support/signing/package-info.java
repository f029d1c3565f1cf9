/**
 * Request signing for providers reached without their SDKs: AWS Signature Version 4,
 * shared by the services that call AWS-compatible APIs (SNS, S3).
 */
package com.onsiteatlas.support.signing;
