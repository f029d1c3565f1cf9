package com.onsiteatlas.notification.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import com.google.zxing.common.BitMatrix;

/**
 * A bit matrix as a one-bit greyscale PNG (set bits black), written directly. zxing's
 * {@code MatrixToImageWriter} draws a {@code BufferedImage} and encodes it with ImageIO,
 * which took half of notification-service's CPU per e-mail carrying a QR code
 * (docs/PERFORMANCE.md, "Event → SMTP latency"); this writes the same pixels in a
 * fraction of the time.
 */
final class BlackAndWhitePng {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final int BIT_DEPTH = 1;

	private static final int GREYSCALE = 0;

	private BlackAndWhitePng() {
	}

	static byte[] of(BitMatrix matrix) {
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		int rowBytes = (width + 7) / 8;
		// Each row: filter type 0 (none), then the pixels, 1 = white, most significant
		// bit first.
		byte[] raw = new byte[height * (rowBytes + 1)];
		for (int y = 0; y < height; y++) {
			int row = y * (rowBytes + 1);
			for (int x = 0; x < width; x++) {
				if (!matrix.get(x, y)) {
					raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
				}
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream(raw.length / 4 + 128);
		png.writeBytes(SIGNATURE);
		byte[] header = new byte[13];
		putInt(header, 0, width);
		putInt(header, 4, height);
		header[8] = BIT_DEPTH;
		header[9] = GREYSCALE;
		chunk(png, "IHDR", header);
		chunk(png, "IDAT", deflate(raw));
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static byte[] deflate(byte[] raw) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(raw);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
			byte[] buffer = new byte[8192];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
		byte[] length = new byte[4];
		putInt(length, 0, data.length);
		png.writeBytes(length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		png.writeBytes(typeBytes);
		png.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		byte[] checksum = new byte[4];
		putInt(checksum, 0, (int) crc.getValue());
		png.writeBytes(checksum);
	}

	private static void putInt(byte[] target, int offset, int value) {
		target[offset] = (byte) (value >>> 24);
		target[offset + 1] = (byte) (value >>> 16);
		target[offset + 2] = (byte) (value >>> 8);
		target[offset + 3] = (byte) value;
	}

}
