package dev.incidents.support.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Every service reads JSON as it was sent or not at all: Jackson's defaults would turn {@code 1} or {@code "1"} into
 * an enum's second constant, {@code 1.5} into 1, {@code "3"} into 3, {@code true} into "true", ignore what follows
 * the object, let a {@code null} into a list, and read bytes that are not UTF-8 (an overlong {@code C0 AF} as "/").
 * A request that needs any of that is a client error.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deeper than any request of these APIs; Jackson's own limit (1,000) lets a body cost far more to read. */
    static final int MAX_NESTING_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** The same rules on a mapper outside Quarkus (tests, tools). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.getFactory().setInputDecorator(new StrictUtf8());
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL));
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** Refuses bytes that are not well-formed UTF-8 before Jackson decodes them (it does not check them all). */
    static final class StrictUtf8 extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) throws IOException {
            byte[] body = in.readAllBytes();
            check(body, 0, body.length);
            return new ByteArrayInputStream(body);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) throws IOException {
            check(source, offset, length);
            return null;
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }

        /** Decodes only a body that is not plain ASCII (most bodies are): the decode costs a char array per body. */
        private static void check(byte[] bytes, int offset, int length) throws JsonParseException {
            if (ascii(bytes, offset, length)) {
                return;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
            } catch (CharacterCodingException e) {
                throw new JsonParseException(null, "the body is not well-formed UTF-8 (" + e.getMessage() + ")");
            }
        }

        private static boolean ascii(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] < 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
