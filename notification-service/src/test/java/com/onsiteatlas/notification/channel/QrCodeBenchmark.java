package com.onsiteatlas.notification.channel;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code of an e-mail: the matrix (zxing), then its PNG by zxing's ImageIO writer or
 * by {@link BlackAndWhitePng}, alternating in one JVM. A measurement, not a test: run
 * with the test classpath (docs/PERFORMANCE.md, "QR code PNG").
 */
public final class QrCodeBenchmark {

	private QrCodeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BitMatrix[] ms = new BitMatrix[64];
		long e0 = System.nanoTime();
		for (int i = 0; i < ms.length; i++) {
			ms[i] = new QRCodeWriter().encode(QrCodes.payload("665f1c2ab4d3e8a9c0f1" + i, "e", i),
					BarcodeFormat.QR_CODE, 300, 300,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 1));
		}
		System.out.printf("matrix (zxing encode): %.2f ms/code (first 64, cold)%n",
				(System.nanoTime() - e0) / 1e6 / ms.length);
		for (int round = 0; round < 4; round++) {
			long t0 = System.nanoTime();
			int n = 0;
			while (System.nanoTime() - t0 < 2e9) {
				ByteArrayOutputStream o = new ByteArrayOutputStream();
				MatrixToImageWriter.writeToStream(ms[n % 64], "PNG", o);
				n++;
			}
			double imageio = 2e3 / n;
			t0 = System.nanoTime();
			int k = 0;
			while (System.nanoTime() - t0 < 2e9) {
				BlackAndWhitePng.of(ms[k % 64]);
				k++;
			}
			double direct = 2e3 / k;
			System.out.printf(
					"round %d: PNG by MatrixToImageWriter/ImageIO %.3f ms, BlackAndWhitePng %.3f ms (%.1fx)  load %s%n",
					round, imageio, direct, imageio / direct,
					new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).substring(0,
							14));
		}
	}

}
