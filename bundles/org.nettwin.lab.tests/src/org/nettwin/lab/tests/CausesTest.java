package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.Test;
import org.nettwin.lab.Causes;
import org.nettwin.lab.tests.fixtures.UnlicensedProvider;

/** Failures told cause first, from a throwable and from a stack trace known only as text. */
class CausesTest {

    /** What Declarative Services catches when a component's constructor throws. */
    static Throwable constructorFailure() {
        try {
            UnlicensedProvider.class.getConstructor().newInstance();
            throw new AssertionError("the constructor must throw");
        } catch (InvocationTargetException e) {
            return e;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrappedThrowableIsToldByItsRootCauseAndWhereItWasThrown() {
        Throwable wrapped = new IllegalStateException("activation failed", constructorFailure());
        assertEquals("IllegalStateException: no licence file (in UnlicensedProvider.<init>)", Causes.oneLine(wrapped));
    }

    @Test
    void aStackTraceAsTextGivesTheSameLine() {
        String trace = Causes.stackTrace(constructorFailure());
        assertTrue(trace.startsWith("java.lang.reflect.InvocationTargetException"), trace);
        assertEquals("IllegalStateException: no licence file (in UnlicensedProvider.<init>)", Causes.oneLine(trace));
    }

    @Test
    void theFirstFrameOutsideTheJdkIsThePlace() {
        NullPointerException npe;
        try {
            java.util.Objects.requireNonNull(null, "config must not be null");
            throw new AssertionError();
        } catch (NullPointerException e) {
            npe = e;
        }
        assertEquals("NullPointerException: config must not be null (in CausesTest.theFirstFrameOutsideTheJdkIsThePlace)",
                Causes.oneLine(npe));
        assertEquals(Causes.oneLine(npe), Causes.oneLine(Causes.stackTrace(npe)));
    }

    @Test
    void aPlainMessageStaysAsItIsOnOneLine() {
        assertEquals("bundle is broken", Causes.oneLine("  bundle is\tbroken \n"), "white space flattened");
        assertEquals("IllegalArgumentException", Causes.oneLine(new IllegalArgumentException()).replaceFirst(" \\(in .*", ""));
    }
}
