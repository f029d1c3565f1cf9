/**
 * The development secrets this repository publishes, and the rule that keeps them out of
 * anything but development (docs/security.md, issue 15 item 6).
 */
package com.onsiteatlas.identity.secrets;
