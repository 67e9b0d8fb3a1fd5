package dev.improv.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.utils.BufferUtils;
import com.badlogic.gdx.utils.ScreenUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * The frame just drawn as a PNG, kept in memory: the launcher writes it (atomically, as every
 * output), so the demo itself writes no file. Render thread only, before the buffers are swapped.
 *
 * @param png     the PNG file's bytes
 * @param colours distinct colours seen, up to 64 (1 = blank)
 */
record Screenshot(byte[] png, int colours) {

    /** Reads the back buffer and encodes it. */
    static Screenshot take() {
        int w = Gdx.graphics.getBackBufferWidth();
        int h = Gdx.graphics.getBackBufferHeight();
        byte[] pixels = ScreenUtils.getFrameBufferPixels(0, 0, w, h, true);
        Set<Integer> colours = new HashSet<>();
        for (int i = 0; i < pixels.length; i += 4) {
            pixels[i + 3] = (byte) 0xff; // the back buffer's alpha is meaningless: make it opaque
            if (colours.size() < 64) {
                colours.add(((pixels[i] & 0xff) << 16) | ((pixels[i + 1] & 0xff) << 8) | (pixels[i + 2] & 0xff));
            }
        }
        Pixmap p = new Pixmap(w, h, Pixmap.Format.RGBA8888);
        // What PixmapIO.writePNG does, into memory: the rows were flipped when read.
        PixmapIO.PNG encoder = new PixmapIO.PNG((int) (w * h * 1.5f));
        try {
            BufferUtils.copy(pixels, 0, p.getPixels(), pixels.length);
            encoder.setFlipY(false);
            encoder.setCompression(Deflater.DEFAULT_COMPRESSION);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            encoder.write(png, p);
            return new Screenshot(png.toByteArray(), colours.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the screenshot could not be encoded as PNG: " + e.getMessage(), e);
        } finally {
            encoder.dispose();
            p.dispose();
        }
    }
}
