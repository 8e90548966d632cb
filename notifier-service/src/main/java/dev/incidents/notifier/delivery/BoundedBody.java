package dev.incidents.notifier.delivery;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * A receiver's answer body, read to its end but kept only up to a few kilobytes: enough for what a receiver says
 * about a refusal (Discord's {@code retry_after}), never more memory than that however much it sends.
 */
final class BoundedBody extends AbstractBinAsyncEntityConsumer<byte[]> {

    static final int KEPT = 4096;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    @Override
    protected void streamStart(ContentType contentType) {
        // nothing to prepare: any content type is read the same way
    }

    @Override
    protected int capacityIncrement() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
        int keep = Math.min(src.remaining(), KEPT - kept.size());
        if (keep > 0) {
            byte[] bytes = new byte[keep];
            src.get(bytes);
            kept.write(bytes, 0, keep);
        }
        src.position(src.limit());
    }

    @Override
    protected byte[] generateContent() {
        return kept.toByteArray();
    }

    @Override
    public void releaseResources() {
        kept.reset();
    }
}
