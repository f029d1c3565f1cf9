/**
 * Export configurations and export jobs: configs CRUD, generate (202 + background job),
 * status, download, history, and the worker that claims and runs the jobs.
 */
package com.onsiteatlas.reporting.export;
