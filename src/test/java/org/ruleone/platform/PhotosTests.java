package org.ruleone.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ruleone.platform.Photos.PhotoRefusedException;
import org.ruleone.platform.Photos.Refusal;

class PhotosTests {

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static Refusal refusalOf(byte[] bytes) {
        try {
            Photos.check(bytes);
            return null;
        } catch (PhotoRefusedException e) {
            return e.refusal();
        }
    }

    @Test
    void aRealJpegAndPngPassWithTheirTypeFromTheContent() throws IOException {
        assertThat(Photos.check(image("jpg", 40, 30)).contentType()).isEqualTo("image/jpeg");
        Photos.Photo png = Photos.check(new ByteArrayInputStream(image("png", 40, 30)));
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF",
            "<!doctype html><html><script>alert(1)</script></html>", "GIF89a......", "just text"})
    void aPdfAnHtmlPageOrAnythingElseIsRefusedWhateverItsName(String content) {
        assertThat(refusalOf(content.getBytes(StandardCharsets.UTF_8))).isEqualTo(Refusal.NOT_A_PHOTO);
    }

    @Test
    void aJpegSignatureFollowedByHtmlIsRefused() {
        byte[] fake = ("\u00ff\u00d8\u00ff<html><script>alert(1)</script>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusalOf(fake)).isEqualTo(Refusal.NOT_A_PHOTO);
    }

    @Test
    void anEmptyOrTooLargeUploadIsRefused() throws IOException {
        assertThat(refusalOf(new byte[0])).isEqualTo(Refusal.EMPTY);
        byte[] big = Arrays.copyOf(image("png", 2, 2), Photos.MAX_BYTES + 1);
        assertThat(refusalOf(big)).isEqualTo(Refusal.TOO_LARGE);
        assertThatThrownBy(() -> Photos.check(new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(PhotoRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("photo.refused.too-large"));
    }

    @Test
    void aPngClaimingBillionsOfPixelsIsRefusedWithoutDecodingIt() throws IOException {
        byte[] png = image("png", 1, 1);
        // rewrite the IHDR's width and height to 100,000 × 100,000 and fix its CRC
        byte[] bomb = png.clone();
        writeInt(bomb, 16, 100_000);
        writeInt(bomb, 20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        writeInt(bomb, 29, (int) crc.getValue());
        assertThat(refusalOf(bomb)).isEqualTo(Refusal.TOO_MANY_PIXELS);
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
