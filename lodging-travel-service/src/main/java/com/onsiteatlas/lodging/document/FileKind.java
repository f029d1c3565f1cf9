package com.onsiteatlas.lodging.document;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The file types accepted, recognised by their first bytes, never by name or declared
 * type.
 */
enum FileKind {

	PDF("application/pdf", ".pdf", "255044462D"), JPEG("image/jpeg", ".jpg", "FFD8FF"),
	PNG("image/png", ".png", "89504E470D0A1A0A");

	private final String contentType;

	private final String extension;

	private final byte[] magic;

	FileKind(String contentType, String extension, String magicHex) {
		this.contentType = contentType;
		this.extension = extension;
		this.magic = HexFormat.of().parseHex(magicHex);
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	static FileKind detect(byte[] content) {
		for (FileKind kind : values()) {
			if (content.length >= kind.magic.length
					&& Arrays.equals(content, 0, kind.magic.length, kind.magic, 0, kind.magic.length)) {
				return kind;
			}
		}
		return null;
	}

}
