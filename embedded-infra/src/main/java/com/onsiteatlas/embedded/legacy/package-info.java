/**
 * A stand-in for the legacy ONSITE ATLAS backend (Node/Express) with just what the
 * gateway needs: it verifies ONSITE ATLAS tokens and resolves the demo staff users' roles
 * through {@code GET /api/auth/me}. Point {@code LEGACY_BACKEND_URL} at a real ONSITE
 * ATLAS backend for anything else.
 */
package com.onsiteatlas.embedded.legacy;
