package org.nettwin.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.e4.core.di.annotations.Creatable;

import jakarta.inject.Singleton;

/**
 * The console's content: the lab's progress lines and the Workbench's own messages, the last
 * {@value #KEPT} lines. Runs write to {@link #stream()} from their threads; the console part
 * listens.
 */
@Creatable
@Singleton
public final class LabLog {

    static final int KEPT = 5_000;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a line (thread-safe); also echoed to standard error, as the headless runtime prints it. */
    public void line(String text) {
        synchronized (lines) {
            if (lines.size() == KEPT) {
                lines.removeFirst();
            }
            lines.addLast(text);
        }
        System.err.println(text);
        for (Consumer<String> l : listeners) {
            l.accept(text);
        }
    }

    /** @return the lines kept so far */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Calls {@code listener} with every line added from now on (from any thread). */
    public void listen(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Stops calling {@code listener}. */
    public void unlisten(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** @return a stream whose lines go into this log (the lab's progress output) */
    public PrintStream stream() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n' || b == '\r') {
                    if (pending.size() > 0) {
                        line(pending.toString(StandardCharsets.UTF_8));
                        pending.reset();
                    }
                } else {
                    pending.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
