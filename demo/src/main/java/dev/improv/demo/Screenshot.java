package dev.improv.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.utils.BufferUtils;
import com.badlogic.gdx.utils.ScreenUtils;
import java.nio.file.Path;

/** Saves the frame just drawn as a PNG. Render thread only, before the buffers are swapped. */
final class Screenshot {
    private Screenshot() {
    }

    /** Writes the back buffer to {@code file}; returns the number of distinct colours seen (1 = blank). */
    static int save(Path file) {
        int w = Gdx.graphics.getBackBufferWidth();
        int h = Gdx.graphics.getBackBufferHeight();
        byte[] pixels = ScreenUtils.getFrameBufferPixels(0, 0, w, h, true);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i < pixels.length; i += 4) {
            pixels[i + 3] = (byte) 0xff; // the back buffer's alpha is meaningless: make it opaque
            if (colours.size() < 64) {
                colours.add(((pixels[i] & 0xff) << 16) | ((pixels[i + 1] & 0xff) << 8) | (pixels[i + 2] & 0xff));
            }
        }
        Pixmap p = new Pixmap(w, h, Pixmap.Format.RGBA8888);
        try {
            BufferUtils.copy(pixels, 0, p.getPixels(), pixels.length);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                parent.toFile().mkdirs();
            }
            PixmapIO.writePNG(Gdx.files.absolute(file.toAbsolutePath().toString()), p);
        } finally {
            p.dispose();
        }
        return colours.size();
    }
}
