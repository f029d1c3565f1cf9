package com.onsiteatlas.notification.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The registration QR code as ONSITE ATLAS draws it: error-correction level H, PNG.
 */
public final class QrCodes {

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
			BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 300, 300,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 1));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(matrix, "PNG", out);
			return out.toByteArray();
		}
		catch (WriterException | IOException ex) {
			throw SendFailure.permanent("QR_CODE", "Cannot draw the QR code: " + ex.getMessage());
		}
	}

}
