package no.ks.barometer.token;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    @Test
    void tokensAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Tokens.newToken()));
        }
    }

    @Test
    void tokenIs22UrlSafeCharactersWithoutPadding() {
        for (int i = 0; i < 1_000; i++) {
            String token = Tokens.newToken();
            assertEquals(22, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertTrue(Tokens.isWellFormed(token));
        }
    }

    @Test
    void tokenCarries128Bits() {
        assertEquals(16, Base64.getUrlDecoder().decode(Tokens.newToken()).length);
    }

    @Test
    void everyOneOfThe128BitsVaries() {
        BitSet everSet = new BitSet(128);
        BitSet everClear = new BitSet(128);
        for (int i = 0; i < 200; i++) {
            BitSet bits = BitSet.valueOf(Base64.getUrlDecoder().decode(Tokens.newToken()));
            everSet.or(bits);
            BitSet clear = (BitSet) bits.clone();
            clear.flip(0, 128);
            everClear.or(clear);
        }
        assertEquals(128, everSet.cardinality());
        assertEquals(128, everClear.cardinality());
    }

    @Test
    void hashIsLowerCaseHexSha256() {
        // FIPS 180-2 test vector for "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    }

    @Test
    void malformedTokensAreRecognised() {
        assertFalse(Tokens.isWellFormed(null));
        assertFalse(Tokens.isWellFormed(""));
        assertFalse(Tokens.isWellFormed("short"));
        assertFalse(Tokens.isWellFormed("AAAAAAAAAAAAAAAAAAAAA="));
        assertFalse(Tokens.isWellFormed("AAAAAAAAAAAAAAAAAAAA+/"));
        assertFalse(Tokens.isWellFormed("AAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void hashesCompareByContent() {
        String hash = Tokens.hash("abc");
        assertTrue(Tokens.sameHash(hash, new String(hash.toCharArray())));
        assertFalse(Tokens.sameHash(hash, Tokens.hash("abd")));
        assertFalse(Tokens.sameHash(hash, null));
    }

    @Test
    void linkKeyIsHmacSha256() {
        // RFC 4231, test case 6: a key longer than the hash's block.
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        byte[] mac = new HmacLinkKey(key).mac(
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII));

        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                HexFormat.of().formatHex(mac));
    }

    @Test
    void derivedTokenIsWellFormedAndTheSameEveryTime() {
        HmacLinkKey key = HmacLinkKey.ephemeral();

        String token = Tokens.derive(key, "survey", "3101", 1);

        assertTrue(Tokens.isWellFormed(token), token);
        assertEquals(token, Tokens.derive(key, "survey", "3101", 1));
    }

    @Test
    void derivedTokenChangesWithSurveyOrganisationGenerationAndKey() {
        HmacLinkKey key = HmacLinkKey.ephemeral();
        String token = Tokens.derive(key, "survey", "3101", 1);

        Set<String> others = Set.of(
                Tokens.derive(key, "survey", "3101", 2),
                Tokens.derive(key, "survey", "3103", 1),
                Tokens.derive(key, "survey2", "3101", 1),
                // The fields are length-prefixed: moving a character from one to the next is another message.
                Tokens.derive(key, "survey3", "101", 1),
                Tokens.derive(HmacLinkKey.ephemeral(), "survey", "3101", 1));

        assertEquals(5, others.size());
        assertFalse(others.contains(token));
    }

    @Test
    void linkKeyShorterThan256BitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HmacLinkKey(new byte[31]));
    }
}
