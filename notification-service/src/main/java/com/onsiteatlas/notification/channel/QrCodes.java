package com.onsiteatlas.notification.channel;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The registration QR code as ONSITE ATLAS draws it: error-correction level H, PNG.
 */
public final class QrCodes {

	static final int SIZE = 300;

	private QrCodes() {
	}

	/**
	 * The payload ONSITE ATLAS encodes.
	 * @param registrationObjectId registration {@code _id}
	 * @param eventId conference id
	 * @param timestamp epoch milliseconds
	 * @return the JSON payload
	 */
	public static String payload(String registrationObjectId, String eventId, long timestamp) {
		return "{\"registrationId\":\"" + registrationObjectId + "\",\"eventId\":\"" + eventId + "\",\"timestamp\":"
				+ timestamp + "}";
	}

	static byte[] png(String payload) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, SIZE, SIZE,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 1));
			return BlackAndWhitePng.of(matrix);
		}
		catch (WriterException ex) {
			throw SendFailure.permanent("QR_CODE", "Cannot draw the QR code: " + ex.getMessage());
		}
	}

}
