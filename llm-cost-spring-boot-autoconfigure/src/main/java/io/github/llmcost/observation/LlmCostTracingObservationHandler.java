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

package io.github.llmcost.observation;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.LlmCostObservationDocumentation.SpanAttributeNames;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link ObservationHandler} that sets the token counts and the cost of each
 * {@code llm.call} observation on its span as numeric attributes (key values would make
 * them strings). It is not itself a {@link TracingObservationHandler}, so it runs beside
 * the tracing handler, and its {@code onStop} runs before the span ends.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 * @see SpanAttributeNames
 */
public class LlmCostTracingObservationHandler implements ObservationHandler<LlmCostObservationContext> {

	private static final Log logger = LogFactory.getLog(LlmCostTracingObservationHandler.class);

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LlmCostObservationContext;
	}

	@Override
	public void onStop(LlmCostObservationContext context) {
		try {
			tagSpan(context);
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to set the cost attributes of an LLM call span", ex);
		}
	}

	private void tagSpan(LlmCostObservationContext context) {
		TracingObservationHandler.TracingContext tracingContext = context
			.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracingContext != null) ? tracingContext.getSpan() : null;
		if (span == null) {
			return;
		}
		TokenUsage usage = context.getUsage();
		if (usage != null) {
			span.tag(SpanAttributeNames.INPUT_TOKENS.asString(), usage.promptTokens());
			span.tag(SpanAttributeNames.OUTPUT_TOKENS.asString(), usage.completionTokens());
			span.tag(SpanAttributeNames.CACHE_READ_INPUT_TOKENS.asString(), usage.get(BillingDimension.CACHED_INPUT));
			span.tag(SpanAttributeNames.CACHE_CREATION_INPUT_TOKENS.asString(),
					usage.get(BillingDimension.CACHE_WRITE) + usage.get(BillingDimension.CACHE_WRITE_1H));
			span.tag(SpanAttributeNames.REASONING_OUTPUT_TOKENS.asString(), usage.get(BillingDimension.REASONING));
		}
		LlmCost cost = context.getCost();
		if (cost != null) {
			span.tag(SpanAttributeNames.COST_AMOUNT.asString(), cost.total().doubleValue());
		}
	}

}
