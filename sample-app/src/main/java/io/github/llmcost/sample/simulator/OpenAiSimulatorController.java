/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.sample.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * OpenAI's chat completions endpoint, simulated:
 * {@code POST /simulator/v1/chat/completions} answers with the JSON bodies of OpenAI, and
 * streams as OpenAI does, with the usage in a trailing chunk when the request asks for it
 * with {@code stream_options.include_usage}. Only on in simulator mode
 * ({@code sample.simulator.enabled}).
 *
 * @author llm-cost contributors
 */
@RestController
@RequestMapping("/simulator/v1")
@ConditionalOnBooleanProperty("sample.simulator.enabled")
class OpenAiSimulatorController {

	private static final int WORDS_PER_CHUNK = 3;

	private static final long MILLIS_BETWEEN_CHUNKS = 10;

	private final OpenAiSimulator simulator = new OpenAiSimulator();

	private final AtomicLong ids = new AtomicLong();

	private final JsonMapper jsonMapper;

	OpenAiSimulatorController(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@PostMapping("/chat/completions")
	ResponseEntity<StreamingResponseBody> chatCompletions(@RequestBody JsonNode request) {
		JsonNode model = request.path("model");
		if (!model.isString() || model.asString().isEmpty()) {
			return json(HttpStatus.BAD_REQUEST,
					ChatCompletionJson.error("You must provide a model parameter.", "model"));
		}
		List<OpenAiSimulator.Message> messages = messages(request.path("messages"));
		if (messages.isEmpty()) {
			return json(HttpStatus.BAD_REQUEST,
					ChatCompletionJson.error("'messages' must contain at least one message.", "messages"));
		}
		OpenAiSimulator.Completion completion = this.simulator.complete(model.asString(), messages);
		String id = "chatcmpl-simulated-" + this.ids.incrementAndGet();
		long created = Instant.now().getEpochSecond();
		if (!request.path("stream").asBoolean(false)) {
			return json(HttpStatus.OK, ChatCompletionJson.completion(id, created, completion));
		}
		boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body((out) -> stream(out, id, created, completion, includeUsage));
	}

	private ResponseEntity<StreamingResponseBody> json(HttpStatus status, Object body) {
		byte[] json = this.jsonMapper.writeValueAsBytes(body);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body((out) -> out.write(json));
	}

	private void stream(OutputStream out, String id, long created, OpenAiSimulator.Completion completion,
			boolean includeUsage) throws IOException {
		Map<String, @Nullable Object> first = new LinkedHashMap<>();
		first.put("role", "assistant");
		first.put("content", "");
		first.put("refusal", null);
		send(out, ChatCompletionJson.chunk(id, created, completion.model(), first, null));
		for (String piece : pieces(completion.reply())) {
			pause();
			send(out, ChatCompletionJson.chunk(id, created, completion.model(), Map.of("content", piece), null));
		}
		send(out, ChatCompletionJson.chunk(id, created, completion.model(), Map.of(), "stop"));
		if (includeUsage) {
			send(out, ChatCompletionJson.usageChunk(id, created, completion));
		}
		out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private void send(OutputStream out, Object chunk) throws IOException {
		out.write(("data: " + this.jsonMapper.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static List<OpenAiSimulator.Message> messages(JsonNode messages) {
		List<OpenAiSimulator.Message> result = new ArrayList<>();
		for (JsonNode message : messages) {
			result
				.add(new OpenAiSimulator.Message(message.path("role").asString("user"), text(message.path("content"))));
		}
		return result;
	}

	private static String text(JsonNode content) {
		if (content.isString()) {
			return content.asString();
		}
		// content parts, such as [{"type": "text", "text": "..."}]
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			if (part.path("text").isString()) {
				text.append(part.path("text").asString());
			}
		}
		return text.toString();
	}

	private static List<String> pieces(String reply) {
		String[] words = reply.split("(?<= )");
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < words.length; i += WORDS_PER_CHUNK) {
			pieces.add(String.join("", List.of(words).subList(i, Math.min(i + WORDS_PER_CHUNK, words.length))));
		}
		return pieces;
	}

	private static void pause() {
		try {
			Thread.sleep(MILLIS_BETWEEN_CHUNKS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
