package dev.storyflow.epic;

import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.StoryInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads the body of an epic import: at most {@code storyflow.epics.max-file-size} bytes (a larger
 * body is refused before it is read whole), text in the charset of the content type (UTF-8 by
 * default) that decodes without errors, without control characters other than tabs and line
 * breaks. A byte order mark at the start is dropped: it is no part of the text.
 */
@Component
class EpicRequestBody {

  private static final String CONTEXT = "Invalid epic file";

  private final long limit;

  EpicRequestBody(EpicProperties properties) {
    this.limit = properties.maxFileSize().toBytes();
  }

  String read(InputStream body, long contentLength, MediaType contentType) {
    if (contentLength > limit) {
      throw new EpicFileTooLargeException(limit);
    }
    byte[] bytes;
    try {
      bytes = body.readNBytes((int) limit + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request body", e);
    }
    if (bytes.length > limit) {
      throw new EpicFileTooLargeException(limit);
    }
    String text = decode(bytes, contentType);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw problem("is empty: send an epic file as text/markdown");
    }
    if (!text.matches(StoryInput.TEXT)) {
      throw problem(StoryInput.TEXT_MESSAGE);
    }
    return text;
  }

  private static String decode(byte[] bytes, MediaType contentType) {
    Charset charset = contentType == null || contentType.getCharset() == null
        ? StandardCharsets.UTF_8 : contentType.getCharset();
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw problem("is not valid " + charset.name() + " text");
    }
  }

  private static StoryRuleException problem(String message) {
    return new StoryRuleException(CONTEXT, List.of(new FieldProblem("body", message)));
  }
}
