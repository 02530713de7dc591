package org.vrrpd.snmp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The session against a stand-in master agent on a Unix socket: the handshake, answers, a restarted master, a Close at the end. */
public class AgentxSessionTest {
    private Path dir;
    private ServerSocketChannel master;
    private AgentxSession session;
    private Thread thread;

    @Before
    public void listen() throws Exception {
        dir = Files.createTempDirectory("agentx");
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("master"));
        master = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        master.bind(address);
        SnmpSettings settings = new SnmpSettings(address, address.getPath().toString(), 1, false);
        MibView mib = new MibView(Map.of(VrrpMib.NODE_VERSION, VarBind.integer(VrrpMib.NODE_VERSION, 2)), List.of(VrrpMib.NODE_VERSION));
        session = new AgentxSession(settings, upTime -> mib);
        thread = new Thread(session, "vrrpd-snmp-test");
        thread.start();
    }

    @After
    public void close() throws Exception {
        session.stop();
        thread.join(5000);
        master.close();
        Files.deleteIfExists(dir.resolve("master"));
        Files.delete(dir);
    }

    /** Accepts the subagent and answers its Open (session 9, sysUpTime 10 s) and both Registers, as snmpd does. */
    private SocketChannel accept() throws Exception {
        SocketChannel c = master.accept();
        Pdu open = AgentxSession.read(c);
        assertEquals(Pdu.OPEN, open.type());
        byte[] opened = AgentxCodec.response(9, 0, open.packetId(), 0, 0, List.of());
        ByteBuffer.wrap(opened).putInt(20, 1000);
        c.write(ByteBuffer.wrap(opened));
        for (Oid subtree : Mibs.SUBTREES) {
            Pdu register = AgentxSession.read(c);
            assertEquals(Pdu.REGISTER, register.type());
            assertEquals(9, register.sessionId());
            c.write(ByteBuffer.wrap(AgentxCodec.response(9, 0, register.packetId(), 0, 0, List.of(VarBind.exception(subtree, VarBind.NULL)))));
        }
        return c;
    }

    /** snmpd's GetNext of .1.3.6.1.2.1.68 (captured, session 5 replaced by 9), and the subagent's answer. */
    private static Pdu getNext(SocketChannel c) throws Exception {
        c.write(ByteBuffer.wrap(HexFormat.of().parseHex("0106100000000009000000010000000200000018"
                + "0202000000000001000000440202000000000001000000cf")));
        return AgentxSession.read(c);
    }

    @Test
    public void answersTheMasterAndComesBackAfterItRestarts() throws Exception {
        SocketChannel c = accept();
        Pdu answer = getNext(c);
        assertEquals(Pdu.RESPONSE, answer.type());
        assertEquals(2, answer.packetId());
        assertEquals(1, answer.transactionId());
        assertEquals(VrrpMib.NODE_VERSION, answer.varBinds().get(0).name());
        assertEquals(2L, answer.varBinds().get(0).value());
        long upTime = session.upTimeNow();
        assertTrue("sysUpTime follows snmpd's: " + upTime, upTime >= 1000 && upTime < 1500);

        // a Set is refused: nothing here is writable
        c.write(ByteBuffer.wrap(HexFormat.of().parseHex("0108100000000009000000020000000300000014"
                + "00020000020200000000000100000044" + "00000000")));
        Pdu refused = AgentxSession.read(c);
        assertEquals(Pdu.NOT_WRITABLE, refused.error());
        assertEquals(1, refused.index());

        // snmpd restarts: the subagent connects and registers again by itself
        c.close();
        SocketChannel again = accept();
        assertEquals(VrrpMib.NODE_VERSION, getNext(again).varBinds().get(0).name());
        session.stop();
        assertEquals(Pdu.CLOSE, AgentxSession.read(again).type());
        again.close();
    }
}
