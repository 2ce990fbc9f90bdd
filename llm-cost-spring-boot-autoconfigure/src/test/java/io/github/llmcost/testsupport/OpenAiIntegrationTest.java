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

package io.github.llmcost.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a test against {@link OpenAiTestApplication} with Spring AI's OpenAI client
 * pointed at {@link OpenAiServer}. Every test class with this annotation shares one
 * application context.
 *
 * @author llm-cost contributors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OpenAiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.ai.model.chat=openai", "spring.ai.model.embedding=openai", "spring.ai.model.image=openai",
		"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
		"spring.ai.model.moderation=none", "spring.ai.openai.api-key=test-key", "spring.ai.openai.max-retries=0",
		"spring.ai.openai.chat.model=gpt-4o", "management.endpoints.web.exposure.include=metrics,llmcost",
		"management.tracing.sampling.probability=1.0", "llm-cost.pricing.models.[gpt-4o].input=2.50",
		"llm-cost.pricing.models.[gpt-4o].output=10.00", "llm-cost.pricing.models.[gpt-4o].cached-input=1.25",
		"llm-cost.pricing.models.[gpt-4o-mini].input=0.15", "llm-cost.pricing.models.[gpt-4o-mini].output=0.60",
		"llm-cost.pricing.models.[gpt-4o-mini].cached-input=0.075", "llm-cost.pricing.models.[gpt-4.1].input=2.00",
		"llm-cost.pricing.models.[gpt-4.1].output=8.00", "llm-cost.pricing.models.[gpt-4.1-nano].input=0.10",
		"llm-cost.pricing.models.[gpt-4.1-nano].output=0.40", "llm-cost.pricing.models.[flat-fee-model].input=0",
		"llm-cost.pricing.models.[flat-fee-model].output=0",
		"llm-cost.pricing.models.[flat-fee-model].per-request=0.03", "llm-cost.budget.limits.flat-fee.amount=1.00",
		"llm-cost.budget.limits.flat-fee.period=total", "llm-cost.budget.limits.flat-fee.models=flat-fee-model",
		"spring.ai.openai.image.options.model=dall-e-3", "spring.ai.openai.image.options.quality=hd",
		"spring.ai.openai.image.options.size=1792x1024", "llm-cost.budget.limits.images.amount=0.05",
		"llm-cost.budget.limits.images.period=total", "llm-cost.budget.limits.images.models=dall-e-2",
		"llm-cost.pricing.models.[direct-budget-model].input=1000",
		"llm-cost.pricing.models.[direct-budget-model].output=1000",
		"llm-cost.budget.limits.direct-calls.amount=0.0001", "llm-cost.budget.limits.direct-calls.period=total",
		"llm-cost.budget.limits.direct-calls.models=direct-budget-model" })
@ContextConfiguration(initializers = OpenAiServer.class)
public @interface OpenAiIntegrationTest {

}
