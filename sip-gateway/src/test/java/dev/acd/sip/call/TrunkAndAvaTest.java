package dev.acd.sip.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A gateway under test with a trunk phone on the trusted trunk host and ava's softphone registered, for one test. */
abstract class TrunkAndAvaTest {
    Phone trunk;
    Phone ava;
    Gateway gateway;

    @BeforeEach
    void start() throws Exception {
        trunk = Phone.start(Gateway.TRUNK_HOST);
        ava = Phone.start("127.0.0.1");
        gateway = new Gateway(trunk.sipAddress());
        ava.register(gateway.address(), "ava.chen");
    }

    @AfterEach
    void stop() {
        gateway.close();
        trunk.close();
        ava.close();
    }
}
