package com.onsiteatlas.lodging.document;

/**
 * Byte counts as people read them in error messages.
 */
final class Sizes {

	private Sizes() {
	}

	static String human(long bytes) {
		long mb = 1024 * 1024;
		if (bytes % mb == 0) {
			return (bytes / mb) + " MB";
		}
		if (bytes >= mb) {
			return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) mb);
		}
		if (bytes % 1024 == 0) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " bytes";
	}

}
