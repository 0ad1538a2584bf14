package org.ruleone.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Photos people upload (a receipt, a heroic moment): a JPEG or a PNG, judged by its content and never by its name or
 * the type the browser claims. The first bytes must be a JPEG's or a PNG's signature and the image's header must read
 * as one, with sane dimensions, so a PDF, an HTML page or a script renamed {@code .jpg} is refused, and so is a
 * "decompression bomb" of a few bytes that claims a billion pixels. The bytes are kept as they came.
 */
public final class Photos {

    /** The largest photo accepted. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** The most pixels a photo may claim (a 50-megapixel phone camera passes). */
    public static final long MAX_PIXELS = 60_000_000L;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Photos() {
    }

    /** A photo that passed: its real content type ("image/jpeg" or "image/png"), its bytes and its size in pixels. */
    public record Photo(String contentType, byte[] content, int width, int height) {
    }

    /** Why a photo was refused, for the message shown (each has a key {@code photo.refused.<reason>}). */
    public enum Refusal {
        EMPTY, TOO_LARGE, NOT_A_PHOTO, TOO_MANY_PIXELS
    }

    public static final class PhotoRefusedException extends IllegalArgumentException {
        private final Refusal refusal;

        public PhotoRefusedException(Refusal refusal) {
            super("photo refused: " + refusal);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }

        /** The message key for this refusal, in the platform bundle. */
        public String messageKey() {
            return "photo.refused." + refusal.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Reads at most {@link #MAX_BYTES} + 1 bytes from the stream and checks them. */
    public static Photo check(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new PhotoRefusedException(Refusal.TOO_LARGE);
        }
        return check(bytes);
    }

    public static Photo check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PhotoRefusedException(Refusal.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PhotoRefusedException(Refusal.TOO_LARGE);
        }
        String type = startsWith(bytes, JPEG) ? "image/jpeg" : startsWith(bytes, PNG) ? "image/png" : null;
        if (type == null) {
            throw new PhotoRefusedException(Refusal.NOT_A_PHOTO);
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
            if (stream == null || !readers.hasNext()) {
                throw new PhotoRefusedException(Refusal.NOT_A_PHOTO);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new PhotoRefusedException(Refusal.NOT_A_PHOTO);
                }
                if ((long) width * height > MAX_PIXELS) {
                    throw new PhotoRefusedException(Refusal.TOO_MANY_PIXELS);
                }
                return new Photo(type, bytes, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PhotoRefusedException refused) {
                throw refused;
            }
            throw new PhotoRefusedException(Refusal.NOT_A_PHOTO);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
