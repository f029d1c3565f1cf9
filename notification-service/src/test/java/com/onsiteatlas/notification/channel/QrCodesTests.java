package com.onsiteatlas.notification.channel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTests {

	private static final String PAYLOAD = QrCodes.payload("665f1c2ab4d3e8a9c0f12345", "665f1c2ab4d3e8a9c0f00001",
			1_765_000_000_000L);

	@Test
	void theQrCodeReadsBackAsThePayload() throws Exception {
		BufferedImage image = read(QrCodes.png(PAYLOAD));

		assertThat(image.getWidth()).isEqualTo(QrCodes.SIZE);
		assertThat(image.getHeight()).isEqualTo(QrCodes.SIZE);
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(decoded).isEqualTo(PAYLOAD);
	}

	@Test
	void thePixelsAreThoseZxingsOwnWriterDraws() throws Exception {
		BitMatrix matrix = new QRCodeWriter().encode(PAYLOAD, BarcodeFormat.QR_CODE, QrCodes.SIZE, QrCodes.SIZE,
				Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 1));

		assertSamePixels(read(BlackAndWhitePng.of(matrix)), MatrixToImageWriter.toBufferedImage(matrix));
	}

	@Test
	void aWidthThatIsNotAWholeNumberOfBytesKeepsItsLastColumns() throws Exception {
		BitMatrix matrix = new BitMatrix(13, 5);
		matrix.set(0, 0);
		matrix.set(12, 0);
		matrix.set(8, 2);
		matrix.set(12, 4);

		BufferedImage image = read(BlackAndWhitePng.of(matrix));

		assertSamePixels(image, MatrixToImageWriter.toBufferedImage(matrix));
		assertThat(image.getRGB(12, 4) & 0xffffff).isZero();
		assertThat(image.getRGB(11, 4) & 0xffffff).isEqualTo(0xffffff);
	}

	private static BufferedImage read(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("a PNG ImageIO can read").isNotNull();
		return image;
	}

	private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
		assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
		assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
		for (int y = 0; y < expected.getHeight(); y++) {
			for (int x = 0; x < expected.getWidth(); x++) {
				assertThat(actual.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y)
					.isEqualTo(expected.getRGB(x, y) & 0xffffff);
			}
		}
	}

}
