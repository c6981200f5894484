package dev.acd.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.acd.core.command.CancelOffer;
import dev.acd.core.command.Command;
import dev.acd.core.command.HangUpCall;

class CommandRoutingTest {
    @Test
    void shouldSendEachCommandToTheOriginThatClaimedItsCall() {
        CommandRouting routing = new CommandRouting();
        List<Command> sip = new ArrayList<>();
        List<Command> asterisk = new ArrayList<>();
        routing.addOrigin("sip", sip::add);
        routing.addOrigin("asterisk", asterisk::add);
        routing.claim(1, "sip");
        routing.claim(2, "asterisk");

        routing.onCommand(new CancelOffer(1, "anna"));
        routing.onCommand(new HangUpCall(2, "max wait"));

        assertEquals(List.of(new CancelOffer(1, "anna")), sip);
        assertEquals(List.of(new HangUpCall(2, "max wait")), asterisk);
    }

    @Test
    void shouldCountAndDropCommandsForCallsNobodyOwns() {
        CommandRouting routing = new CommandRouting();
        List<Command> sip = new ArrayList<>();
        routing.addOrigin("sip", sip::add);
        routing.claim(1, "sip");
        routing.release(1);

        routing.onCommand(new HangUpCall(1, "late"));

        assertEquals(List.of(), sip);
        assertEquals(1, routing.unrouted());
    }

    @Test
    void shouldRefuseAClaimForAnUnknownOrigin() {
        CommandRouting routing = new CommandRouting();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> routing.claim(1, "h323"));
        assertEquals("unknown origin h323; registered: []", e.getMessage());
    }
}
