package dev.acd.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A desk that remembers what the reps did, as "loggedIn ava.chen", "wrapUpDone ava.chen", ... */
final class RecordingDesk implements RepDesk {
    final List<String> actions = new CopyOnWriteArrayList<>();

    @Override
    public void loggedIn(String repId) {
        actions.add("loggedIn " + repId);
    }

    @Override
    public void wrapUpDone(String repId) {
        actions.add("wrapUpDone " + repId);
    }

    @Override
    public void loggedOut(String repId) {
        actions.add("loggedOut " + repId);
    }
}
