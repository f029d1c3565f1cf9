package com.onsiteatlas.notification.template;

/**
 * How long an SMS is: GSM-7 when every character is in the GSM 03.38 alphabet (160
 * characters, or 153 per part when concatenated; extension characters count twice),
 * otherwise UCS-2 (70, or 67 per part, counted in UTF-16 units).
 *
 * @param characters characters as the network counts them
 * @param encoding GSM-7 or UCS-2
 * @param segments number of SMS parts
 */
public record MessageLength(int characters, String encoding, int segments) {

	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

	public static MessageLength of(String text) {
		String body = (text != null) ? text : "";
		int gsm = 0;
		boolean gsmOnly = true;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (GSM_BASIC.indexOf(c) >= 0) {
				gsm++;
			}
			else if (GSM_EXTENSION.indexOf(c) >= 0) {
				gsm += 2;
			}
			else {
				gsmOnly = false;
				break;
			}
		}
		if (gsmOnly) {
			return new MessageLength(gsm, "GSM-7", segments(gsm, 160, 153));
		}
		return new MessageLength(body.length(), "UCS-2", segments(body.length(), 70, 67));
	}

	private static int segments(int length, int single, int perPart) {
		if (length == 0) {
			return 0;
		}
		return (length <= single) ? 1 : (length + perPart - 1) / perPart;
	}

}
