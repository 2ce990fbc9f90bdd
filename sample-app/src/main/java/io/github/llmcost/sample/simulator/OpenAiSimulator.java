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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Answers chat prompts the way OpenAI reports them, without a model: a short reply that
 * says it is simulated, and the usage OpenAI would report for it.
 * <ul>
 * <li>Tokens are counted with OpenAI's tokenizers ({@code o200k_base} for the GPT-4o,
 * GPT-4.1, GPT-5 and o-series models, {@code cl100k_base} for older ones), with the
 * framing tokens OpenAI adds to each chat message.</li>
 * <li>Prompt caching: the part of a prompt whose leading messages were already sent to
 * the same model is reported as cached tokens, as OpenAI caches prompt prefixes (OpenAI
 * caches only prompts of 1,024 tokens or more; the simulator caches any size, so short
 * demo prompts show it).</li>
 * <li>Reasoning models (o-series, GPT-5) think before answering: four reasoning tokens
 * per answer token, counted in the completion tokens as OpenAI does.</li>
 * <li>The response names a dated snapshot of the model, as OpenAI does, for example
 * {@code gpt-4o-mini-2024-07-18} for {@code gpt-4o-mini}.</li>
 * </ul>
 * The simulator neither logs nor keeps the text of prompts: it remembers digests of
 * prompt prefixes only.
 *
 * @author llm-cost contributors
 */
final class OpenAiSimulator {

	private static final Map<String, String> SNAPSHOTS = Map.of("gpt-4o-mini", "gpt-4o-mini-2024-07-18", "gpt-4o",
			"gpt-4o-2024-08-06", "gpt-3.5-turbo", "gpt-3.5-turbo-0125", "gpt-4.1", "gpt-4.1-2025-04-14", "gpt-4.1-mini",
			"gpt-4.1-mini-2025-04-14", "o3-mini", "o3-mini-2025-01-31", "o4-mini", "o4-mini-2025-04-16");

	private static final Pattern REASONING_MODEL = Pattern.compile("^(o\\d|gpt-5).*");

	private static final Pattern O200K_MODEL = Pattern.compile("^(gpt-4o|gpt-4\\.1|gpt-5|o\\d).*");

	// <|start|>{role}\n{content}<|end|>\n
	private static final int TOKENS_PER_MESSAGE = 3;

	// <|start|>assistant<|message|>
	private static final int TOKENS_PER_REPLY = 3;

	private static final int REASONING_TOKENS_PER_ANSWER_TOKEN = 4;

	private static final int MAX_CACHED_PREFIXES = 10_000;

	private final EncodingRegistry encodings = Encodings.newLazyEncodingRegistry();

	private final Set<String> cachedPrefixes = ConcurrentHashMap.newKeySet();

	/**
	 * Answer a prompt.
	 * @param model the requested model
	 * @param messages the messages of the prompt
	 * @return the reply and its usage
	 */
	Completion complete(String model, List<Message> messages) {
		Encoding encoding = this.encodings
			.getEncoding(O200K_MODEL.matcher(model).matches() ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE);
		int promptTokens = TOKENS_PER_REPLY;
		int cachedTokens = 0;
		boolean cached = true;
		byte[] prefix = sha256(model.getBytes(StandardCharsets.UTF_8));
		for (Message message : messages) {
			int tokens = TOKENS_PER_MESSAGE + encoding.countTokens(message.role())
					+ encoding.countTokens(message.content());
			prefix = sha256(prefix, message.role(), message.content());
			cached = seenBefore(HexFormat.of().formatHex(prefix)) && cached;
			cachedTokens += (cached) ? tokens : 0;
			promptTokens += tokens;
		}
		String responseModel = SNAPSHOTS.getOrDefault(model, model);
		String reply = ("This is a simulated reply of %s, from the OpenAI simulator of the llm-cost sample: no model"
				+ " was called and nothing was spent. Your prompt counts %d tokens, %d of them read from the"
				+ " prompt cache.")
			.formatted(responseModel, promptTokens, cachedTokens);
		int answerTokens = encoding.countTokens(reply);
		int reasoningTokens = REASONING_MODEL.matcher(model).matches()
				? answerTokens * REASONING_TOKENS_PER_ANSWER_TOKEN : 0;
		return new Completion(responseModel, reply, promptTokens, cachedTokens, answerTokens + reasoningTokens,
				reasoningTokens);
	}

	private boolean seenBefore(String prefix) {
		if (this.cachedPrefixes.size() >= MAX_CACHED_PREFIXES) {
			this.cachedPrefixes.clear();
		}
		return !this.cachedPrefixes.add(prefix);
	}

	private static byte[] sha256(byte[] previous, String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previous);
			for (String part : parts) {
				digest.update((byte) 0);
				digest.update(part.getBytes(StandardCharsets.UTF_8));
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * One message of a prompt.
	 *
	 * @param role the role, such as {@code system} or {@code user}
	 * @param content the text
	 */
	record Message(String role, String content) {
	}

	/**
	 * A reply and its usage, as OpenAI reports it: prompt tokens include the cached
	 * tokens and completion tokens include the reasoning tokens.
	 *
	 * @param model the model that answered, a dated snapshot name
	 * @param reply the text of the reply
	 * @param promptTokens all prompt tokens
	 * @param cachedTokens prompt tokens read from the cache
	 * @param completionTokens all completion tokens
	 * @param reasoningTokens completion tokens spent on reasoning
	 */
	record Completion(String model, String reply, int promptTokens, int cachedTokens, int completionTokens,
			int reasoningTokens) {

	}

}
