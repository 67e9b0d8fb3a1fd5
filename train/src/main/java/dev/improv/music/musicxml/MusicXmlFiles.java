package dev.improv.music.musicxml;

import dev.improv.io.BoundedFiles;
import dev.improv.music.Song;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.audiveris.proxymusic.ScorePartwise;

/**
 * MusicXML files to {@link Song}: plain {@code .musicxml}/{@code .xml} and compressed {@code .mxl}
 * (a ZIP whose {@code META-INF/container.xml} names the score). The XML is bound by Audiveris
 * ProxyMusic (JAXB over MusicXML 4.0, which reads 2.0 and 3.x files too); {@link LeadSheet} turns the
 * bound score into notes and chords.
 *
 * <p>Never fetches anything: the DOCTYPE's DTD address is not followed (the files name one on
 * musicxml.org), so reading works offline and an entity cannot expand. Thread-safe.
 */
public final class MusicXmlFiles {

    /** Larger files (and ZIPs that unpack to more than this) are refused: the biggest OpenEWLD score is under 0.5 MB. */
    public static final int MAX_BYTES = 16 << 20;

    private static final int MAX_ZIP_ENTRIES = 64;
    private static final String CONTAINER = "META-INF/container.xml";

    // Building the binding costs about a second; the context is immutable and thread-safe.
    private static final class Binding {
        static final JAXBContext CONTEXT;

        static {
            try {
                CONTEXT = JAXBContext.newInstance(ScorePartwise.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private MusicXmlFiles() {
    }

    /**
     * True for the names a corpus folder reads as MusicXML: .mxl and .musicxml (a plain .xml may be
     * anything; {@link #read(Path)} reads one when asked to).
     */
    public static boolean isMusicXml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mxl") || n.endsWith(".musicxml");
    }

    /** Reads a MusicXML file (compressed or not); a bad file throws {@link InvalidMusicXmlException} naming it. */
    public static Song read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = BoundedFiles.readBytes(file, MAX_BYTES, "MusicXML files");
        } catch (BoundedFiles.TooLargeException e) {
            throw new InvalidMusicXmlException(e.getMessage());
        }
        return read(bytes, file.toString());
    }

    /** Reads MusicXML bytes, a ZIP (.mxl) or XML; {@code name} opens every error message. */
    public static Song read(byte[] bytes, String name) throws InvalidMusicXmlException {
        return LeadSheet.toSong(parse(bytes, name), name);
    }

    /** The bound score of MusicXML bytes (a ZIP is unpacked first). */
    public static ScorePartwise parse(byte[] bytes, String name) throws InvalidMusicXmlException {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!zip) {
            return bind(bytes, name);
        }
        Map<String, byte[]> entries = unzip(bytes, name);
        String root = rootFile(entries, name);
        return bind(entries.get(root), name + "!" + root);
    }

    private static Map<String, byte[]> unzip(byte[] bytes, String name) throws InvalidMusicXmlException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ZIP_ENTRIES) {
                    throw new InvalidMusicXmlException(name + ": more than " + MAX_ZIP_ENTRIES + " files in the archive");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new InvalidMusicXmlException(name + ": the archive unpacks to more than " + MAX_BYTES + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(e.getName(), out.toByteArray());
            }
        } catch (ZipException e) {
            throw new InvalidMusicXmlException(name + ": not a readable .mxl archive (" + e.getMessage() + ")", e);
        } catch (InvalidMusicXmlException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for entry names that are not valid text.
            throw new InvalidMusicXmlException(name + ": not a readable .mxl archive (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new InvalidMusicXmlException(name + ": an empty .mxl archive");
        }
        return entries;
    }

    /**
     * The score inside an archive: the first rootfile of {@code META-INF/container.xml}. Some
     * writers (music21 for an apostrophe in a title) emit a container that is not well-formed XML;
     * then, and only then, an archive holding exactly one score file is read from that file.
     */
    private static String rootFile(Map<String, byte[]> entries, String name) throws InvalidMusicXmlException {
        List<String> scores = new ArrayList<>();
        for (String entry : entries.keySet()) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (!entry.startsWith("META-INF/") && (lower.endsWith(".xml") || lower.endsWith(".musicxml"))) {
                scores.add(entry);
            }
        }
        byte[] container = entries.get(CONTAINER);
        String problem;
        if (container == null) {
            problem = "no " + CONTAINER;
        } else {
            try {
                String path = firstRootFile(container);
                if (path == null) {
                    problem = CONTAINER + ": no <rootfile full-path=...>";
                } else if (!entries.containsKey(path)) {
                    throw new InvalidMusicXmlException(name + ": " + CONTAINER + ": <rootfile> names '"
                            + BoundedFiles.printable(path) + "', which is not in the archive");
                } else {
                    return path;
                }
            } catch (XMLStreamException e) {
                problem = CONTAINER + ": not well-formed XML";
            }
        }
        if (scores.size() == 1) {
            return scores.get(0);
        }
        throw new InvalidMusicXmlException(name + ": " + problem + ", and " + scores.size()
                + " .xml/.musicxml files in the archive to choose from");
    }

    private static String firstRootFile(byte[] container) throws XMLStreamException {
        XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(container));
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("rootfile")) {
                    return r.getAttributeValue(null, "full-path");
                }
            }
            return null;
        } finally {
            r.close();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false); // the DOCTYPE names a DTD on the web: never fetch it
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static ScorePartwise bind(byte[] xml, String name) throws InvalidMusicXmlException {
        XMLStreamReader reader = null;
        ValidationEvent[] first = new ValidationEvent[1];
        String[] element = new String[1];
        try (InputStream in = new ByteArrayInputStream(xml)) {
            reader = factory().createXMLStreamReader(in);
            while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                // the prolog: declaration, comments, the DOCTYPE (not followed)
            }
            String root = reader.getLocalName();
            if (root.equals("score-timewise")) {
                throw new InvalidMusicXmlException(name + ": <score-timewise> is not supported; save the score as "
                        + "<score-partwise> (every notation program and music21 can)");
            }
            if (!root.equals("score-partwise")) {
                throw new InvalidMusicXmlException(name + ": the root element is <" + BoundedFiles.printable(root)
                        + ">, not <score-partwise>: not a MusicXML score");
            }
            XMLStreamReader at = reader;
            Unmarshaller u = Binding.CONTEXT.createUnmarshaller();
            // Any error stops the read (JAXB would otherwise drop the value and go on): a number
            // that is not one, an unknown enumeration value, an element MusicXML does not have.
            u.setEventHandler(event -> {
                if (event.getSeverity() == ValidationEvent.WARNING || unresolvedReference(event)) {
                    return true;
                }
                if (first[0] == null) {
                    first[0] = event;
                    element[0] = at.isStartElement() || at.isEndElement() ? at.getLocalName() : null;
                }
                return false;
            });
            return u.unmarshal(reader, ScorePartwise.class).getValue();
        } catch (InvalidMusicXmlException e) {
            throw e;
        } catch (XMLStreamException e) {
            throw new InvalidMusicXmlException(name + ": " + where(e.getLocation()) + "not well-formed XML ("
                    + words(e.getMessage()) + ")", e);
        } catch (JAXBException | RuntimeException | IOException e) {
            if (first[0] != null) {
                ValidationEvent v = first[0];
                throw new InvalidMusicXmlException(name + ": " + where(v.getLocator())
                        + (element[0] != null ? "<" + BoundedFiles.printable(element[0]) + ">: " : "") + words(v.getMessage()), e);
            }
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (cause instanceof XMLStreamException x) {
                throw new InvalidMusicXmlException(name + ": " + where(x.getLocation()) + "not well-formed XML ("
                        + words(x.getMessage()) + ")", e);
            }
            throw new InvalidMusicXmlException(name + ": not a readable MusicXML score (" + words(cause.getMessage()) + ")", e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was written
                }
            }
        }
    }

    /**
     * A {@code <midi-instrument id>} naming a {@code <score-instrument>} that is not there: music21
     * writes such dangling ids in a third of OpenEWLD. The reference only names a sound, never the
     * music, so the score is read without it (JAXB leaves the reference null).
     */
    private static boolean unresolvedReference(ValidationEvent event) {
        return event.getMessage() != null && event.getMessage().startsWith("Undefined ID");
    }

    private static String where(javax.xml.stream.Location at) {
        return at == null || at.getLineNumber() < 0 ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    }

    private static String where(ValidationEventLocator at) {
        return at == null || at.getLineNumber() < 0 ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    }

    /**
     * A parser's message as one line of words: the StAX reader prefixes
     * "ParseError at [row,col]:[..]\nMessage: ", which {@link #where} already says.
     */
    static String words(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String m = message;
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + "Message: ".length());
        }
        m = m.replaceAll("\\s+", " ").trim();
        m = m.replace("Exception", "error").replace("java.lang.", "");
        return BoundedFiles.printable(m.length() > 200 ? m.substring(0, 200) + "..." : m);
    }
}
