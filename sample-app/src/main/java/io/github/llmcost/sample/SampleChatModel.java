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

package io.github.llmcost.sample;

import java.util.List;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.ai.tokenizer.TokenCountEstimator;

/**
 * A stand-in model, so the sample runs without an API key: it answers every prompt with
 * an echo, and reports the tokens of prompt and answer counted with a real tokenizer.
 *
 * @author llm-cost contributors
 */
class SampleChatModel implements ChatModel {

	private static final String MODEL = "gpt-4o-mini";

	private final TokenCountEstimator tokenizer = new JTokkitTokenCountEstimator();

	@Override
	public ChatResponse call(Prompt prompt) {
		String question = prompt.getContents();
		String answer = "You said: " + question;
		int promptTokens = this.tokenizer.estimate(question);
		int completionTokens = this.tokenizer.estimate(answer);
		return new ChatResponse(List.of(new Generation(new AssistantMessage(answer))),
				ChatResponseMetadata.builder()
					.model(MODEL + "-2024-07-18")
					.usage(new DefaultUsage(promptTokens, completionTokens))
					.build());
	}

	@Override
	public ChatOptions getOptions() {
		return ChatOptions.builder().model(MODEL).build();
	}

}
