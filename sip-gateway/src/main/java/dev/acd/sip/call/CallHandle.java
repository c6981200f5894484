package dev.acd.sip.call;

import dev.acd.core.command.Command;

/** A live call as the command side sees it: commands are handed to it and run on its loop. */
interface CallHandle {
    /** Runs the command on the call's loop; returns at once. */
    void deliver(Command command);
}
