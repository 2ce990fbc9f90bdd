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

package io.github.llmcost.advisor;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.llmcost.attribution.AttributionPolicy;
import io.github.llmcost.attribution.LlmCostTags;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetReservation;
import io.github.llmcost.budget.LazyTokenCountEstimator;
import io.github.llmcost.budget.LlmBudgetExceededException;
import io.github.llmcost.budget.LlmBudgetUnavailableException;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.CallPricer.Charge;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.observation.DefaultLlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.observation.LlmCostObservationConvention;
import io.github.llmcost.observation.LlmCostObservationDocumentation;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageEstimator;
import io.github.llmcost.usage.UsageNormalizers;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Advisor that prices every model call of a {@code ChatClient} and records it as an
 * {@code llm.call} observation, for calls and for streams.
 * <p>
 * Its default order, {@link #DEFAULT_ORDER}, puts it inside Spring AI's tool-calling loop
 * ({@link ToolCallingAdvisor#DEFAULT_ORDER}), next to the model: it sees each round of a
 * tool-calling conversation with the round's own usage, so each round is priced exactly
 * once. Outside the loop it would see only the usage summed over rounds.
 * <p>
 * Accounting never breaks a call: a failure while pricing or recording is logged and the
 * response is returned unchanged. Exceptions of the model call itself pass through
 * unchanged and are recorded as the observation's error. A stream is passed through chunk
 * by chunk, and priced when it completes, fails or is cancelled, with the usage reported
 * by then.
 * <p>
 * The auto-configuration adds this advisor to every auto-configured
 * {@code ChatClient.Builder}; for a builder made by hand, add the advisor bean with
 * {@code ChatClient.builder(chatModel).defaultAdvisors(llmCostAdvisor)}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCostAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * Prefix of the advisor parameters that attribute a call, for example
	 * {@code a.param(LlmCostAdvisor.TAG_PREFIX + "feature", "summarize")}; see also
	 * {@link LlmCostTags}.
	 */
	public static final String TAG_PREFIX = LlmCostTags.PARAM_PREFIX;

	/**
	 * Key of the {@link TokenUsage} of a call in the context of its
	 * {@link ChatClientResponse}, for example
	 * {@code chatClient.prompt().user(message).call().chatClientResponse().context()}.
	 */
	public static final String USAGE_CONTEXT_KEY = "llm-cost.usage";

	/**
	 * Key of the {@link LlmCost} of a priced call in the context of its
	 * {@link ChatClientResponse}.
	 */
	public static final String COST_CONTEXT_KEY = "llm-cost.cost";

	/**
	 * Default order: inside the tool-calling loop, just outside the model call.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	private static final Log logger = LogFactory.getLog(LlmCostAdvisor.class);

	private static final String OPERATION_CHAT = "chat";

	private static final LlmCostObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultLlmCostObservationConvention();

	private final CallPricer pricer;

	private final LlmCostRecorder recorder;

	private final UsageNormalizers usageNormalizers;

	private final UsageEstimator usageEstimator;

	private final ObservationRegistry observationRegistry;

	private final @Nullable LlmCostObservationConvention observationConvention;

	private final int order;

	private final AttributionPolicy attributionPolicy;

	private final @Nullable BudgetGuard budgetGuard;

	private LlmCostAdvisor(Builder builder) {
		this.pricer = builder.pricer;
		this.recorder = builder.recorder;
		this.usageNormalizers = (builder.usageNormalizers != null) ? builder.usageNormalizers
				: UsageNormalizers.detect(LlmCostAdvisor.class.getClassLoader());
		this.usageEstimator = (builder.usageEstimator != null) ? builder.usageEstimator
				: new UsageEstimator(new LazyTokenCountEstimator());
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.order = builder.order;
		this.attributionPolicy = builder.attributionPolicy;
		this.budgetGuard = builder.budgetGuard;
	}

	/**
	 * Start building an advisor that prices calls with the given pricer, for example
	 * {@code CallPricer.builder(priceResolver).currency(currency).build()}; in a Spring
	 * Boot application, use the auto-configured advisor bean instead.
	 * @param pricer the pricer of calls, which decides prices, currency, free providers
	 * and the publisher of unpriced-model events
	 * @return a new builder
	 */
	public static Builder builder(CallPricer pricer) {
		return new Builder(pricer);
	}

	@Override
	public String getName() {
		return "LlmCostAdvisor";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		if (AdvisedCalls.isActive()) {
			// another llm-cost advisor in this chain prices the call
			return chain.nextCall(request);
		}
		int[] advised = AdvisedCalls.enter();
		try {
			return adviseUnpricedCall(request, chain);
		}
		finally {
			advised[0]--;
		}
	}

	private ChatClientResponse adviseUnpricedCall(ChatClientRequest request, CallAdvisorChain chain) {
		LlmCostObservationContext context = newContext(request, false);
		Observation observation = start(context, null);
		BudgetReservation reservation = reserve(request, context, observation);
		ChatClientResponse response;
		try (Observation.Scope scope = observation.openScope()) {
			response = chain.nextCall(request);
		}
		catch (RuntimeException | Error ex) {
			record(context, reservation, true);
			stop(observation, ex);
			throw ex;
		}
		try {
			ChatResponse chatResponse = response.chatResponse();
			if (chatResponse != null) {
				ChatResponseMetadata metadata = chatResponse.getMetadata();
				context.setResponseModel(emptyToNull(metadata.getModel()));
				price(context, this.usageNormalizers.normalizeReported(metadata.getUsage()));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to price an LLM call; the call is not affected", ex);
		}
		PricedCall round = record(context, reservation, false);
		CallRounds rounds = LlmCostConversationAdvisor.rounds(request);
		if (rounds != null) {
			rounds.add(round);
		}
		stop(observation, null);
		return withAccounting(response, context);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((contextView) -> {
			if (AdvisedCalls.isActive()) {
				// another llm-cost advisor in this chain prices the stream
				return chain.nextStream(request);
			}
			LlmCostObservationContext context = newContext(request, true);
			Observation observation = start(context,
					contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
			Mono<BudgetReservation> reservation;
			try {
				reservation = reserveStream(request, context, observation);
			}
			catch (LlmBudgetExceededException | LlmBudgetUnavailableException ex) {
				return Flux.error(ex);
			}
			return reservation.flatMapMany((reserved) -> {
				StreamAccounting accounting = new StreamAccounting(context, observation, reserved, request.prompt());
				Flux<ChatClientResponse> responses;
				try {
					responses = AdvisedCalls.adviseSubscription(AdvisedCalls.advise(() -> chain.nextStream(request)));
				}
				catch (RuntimeException | Error ex) {
					accounting.finish(ex);
					throw ex;
				}
				responses = responses.doOnNext(accounting::onResponse)
					.doOnComplete(() -> accounting.finish(null))
					.doOnError(accounting::finish)
					.doOnCancel(() -> accounting.finish(null));
				return (observation.isNoop()) ? responses : responses.contextWrite(
						(reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
			});
		});
	}

	private Mono<BudgetReservation> reserveStream(ChatClientRequest request, LlmCostObservationContext context,
			Observation observation) {
		Mono<BudgetReservation> reservation;
		if (this.budgetGuard != null && this.budgetGuard.isActive() && this.budgetGuard.isBlocking()) {
			// scheduled, not subscribed on: a cancellation would interrupt the store
			// call, and lose a reservation that must be settled
			reservation = Mono.create((sink) -> Schedulers.boundedElastic().schedule(() -> {
				BudgetReservation reserved;
				try {
					reserved = reserve(request, context, observation);
				}
				catch (RuntimeException | Error ex) {
					sink.error(ex);
					return;
				}
				sink.success(reserved);
			}));
		}
		else {
			reservation = Mono.just(reserve(request, context, observation));
		}
		// a stream cancelled before it took its reservation ends here
		return reservation.doOnDiscard(BudgetReservation.class, (unused) -> {
			recordStream(context, unused, false);
			stop(observation, null);
		});
	}

	// When the budget store blocks (Redis), recording, which settles the reservation,
	// runs on the bounded elastic scheduler rather than on the stream's thread, which may
	// be a non-blocking one
	private void recordStream(LlmCostObservationContext context, BudgetReservation reservation, boolean failed) {
		if (reservation != BudgetReservation.NONE && this.budgetGuard != null && this.budgetGuard.isBlocking()) {
			try {
				Schedulers.boundedElastic().schedule(() -> record(context, reservation, failed));
			}
			catch (RejectedExecutionException ex) {
				record(context, reservation, failed);
			}
		}
		else {
			record(context, reservation, failed);
		}
	}

	private BudgetReservation reserve(ChatClientRequest request, LlmCostObservationContext context,
			Observation observation) {
		if (this.budgetGuard == null || !this.budgetGuard.isActive()) {
			return BudgetReservation.NONE;
		}
		try {
			return this.budgetGuard.reserve(request.prompt(), context.getRequestModel(),
					context.getAttribution().tags());
		}
		catch (LlmBudgetExceededException | LlmBudgetUnavailableException ex) {
			stop(observation, ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to reserve an LLM call against its budgets; the call goes on", ex);
			return BudgetReservation.NONE;
		}
	}

	private PricedCall record(LlmCostObservationContext context, BudgetReservation reservation, boolean failed) {
		PricedCall call = context.toPricedCall(failed);
		this.recorder.record(call, reservation);
		return call;
	}

	private ChatClientResponse withAccounting(ChatClientResponse response, LlmCostObservationContext context) {
		TokenUsage usage = context.getUsage();
		if (usage == null) {
			return response;
		}
		ChatClientResponse.Builder builder = response.mutate().context(USAGE_CONTEXT_KEY, usage);
		LlmCost cost = context.getCost();
		return ((cost != null) ? builder.context(COST_CONTEXT_KEY, cost) : builder).build();
	}

	private LlmCostObservationContext newContext(ChatClientRequest request, boolean streaming) {
		ChatOptions options = request.prompt().getOptions();
		return LlmCostObservationContext.builder()
			.operation(OPERATION_CHAT)
			.provider(ProviderNames.of(options))
			.requestModel((options != null) ? emptyToNull(options.getModel()) : null)
			.currency(this.pricer.getCurrency())
			.streaming(streaming)
			.attribution(attribute(request))
			.build();
	}

	private AttributionPolicy.Attribution attribute(ChatClientRequest request) {
		try {
			return this.attributionPolicy.attribute(request);
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to attribute an LLM call; it is recorded without tags", ex);
			return AttributionPolicy.Attribution.NONE;
		}
	}

	private Observation start(LlmCostObservationContext context, @Nullable Observation parent) {
		try {
			Observation observation = LlmCostObservationDocumentation.LLM_CALL.observation(this.observationConvention,
					DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
			if (parent != null) {
				observation.parentObservation(parent);
			}
			return observation.start();
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to start the observation of an LLM call; the call is not affected", ex);
			return Observation.NOOP;
		}
	}

	private void stop(Observation observation, @Nullable Throwable error) {
		try {
			if (error != null) {
				observation.error(error);
			}
			observation.stop();
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to record an LLM call; the call is not affected", ex);
		}
	}

	private void price(LlmCostObservationContext context, @Nullable TokenUsage usage) {
		if (usage == null) {
			this.pricer.reportNoUsage(context.getResponseModel(), context.getRequestModel(), context.getProvider());
			return;
		}
		context.setUsage(usage);
		Charge charge = this.pricer.priceTokens(usage, context.getResponseModel(), context.getRequestModel(),
				context.getProvider());
		if (charge != null) {
			context.setCost(charge.price(), charge.cost());
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value != null && !value.isEmpty()) ? value : null;
	}

	/**
	 * Accounting of one streamed model call: keeps the usage reported so far and prices
	 * the call once, when the stream ends in whatever way.
	 */
	private final class StreamAccounting {

		private final LlmCostObservationContext context;

		private final Observation observation;

		private final BudgetReservation reservation;

		private final AtomicBoolean finished = new AtomicBoolean();

		private volatile @Nullable String responseModel;

		private volatile @Nullable TokenUsage usage;

		private final Prompt prompt;

		// the text received, to estimate the output of a stream that ends without usage
		private final StringBuffer text = new StringBuffer();

		private volatile boolean answered;

		StreamAccounting(LlmCostObservationContext context, Observation observation, BudgetReservation reservation,
				Prompt prompt) {
			this.context = context;
			this.observation = observation;
			this.reservation = reservation;
			this.prompt = prompt;
		}

		void onResponse(ChatClientResponse response) {
			try {
				ChatResponse chatResponse = response.chatResponse();
				if (chatResponse == null) {
					return;
				}
				this.answered = true;
				Generation result = chatResponse.getResult();
				String chunk = (result != null) ? result.getOutput().getText() : null;
				if (chunk != null) {
					this.text.append(chunk);
				}
				ChatResponseMetadata metadata = chatResponse.getMetadata();
				if (this.responseModel == null) {
					this.responseModel = emptyToNull(metadata.getModel());
				}
				TokenUsage tokens = LlmCostAdvisor.this.usageNormalizers.normalizeReported(metadata.getUsage());
				if (tokens != null) {
					// usage may come in several chunks, each cumulative: keep the largest
					TokenUsage previous = this.usage;
					this.usage = (previous != null) ? previous.max(tokens) : tokens;
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to read the usage of an LLM stream; the stream is not affected", ex);
			}
		}

		void finish(@Nullable Throwable error) {
			if (!this.finished.compareAndSet(false, true)) {
				return;
			}
			try {
				this.context.setResponseModel(this.responseModel);
				TokenUsage usage = this.usage;
				if (usage == null && this.answered) {
					// never dropped: the model answered but the stream ended without
					// usage
					// (cancelled, failed, or no usage sent), so count its tokens; a
					// stream
					// refused before any answer (a 4xx) is not billed and not estimated
					usage = LlmCostAdvisor.this.usageEstimator.estimate(this.prompt, this.text);
					this.context.setUsageSource(UsageSource.ESTIMATED);
				}
				price(this.context, (usage != null && !usage.isEmpty()) ? usage : null);
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to price an LLM stream; the stream is not affected", ex);
			}
			recordStream(this.context, this.reservation, error != null);
			stop(this.observation, error);
		}

	}

	/**
	 * Builder of a {@link LlmCostAdvisor}.
	 */
	public static final class Builder {

		private final CallPricer pricer;

		private LlmCostRecorder recorder = LlmCostRecorder.withoutListeners();

		private @Nullable UsageNormalizers usageNormalizers;

		private @Nullable UsageEstimator usageEstimator;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable LlmCostObservationConvention observationConvention;

		private int order = DEFAULT_ORDER;

		private AttributionPolicy attributionPolicy = AttributionPolicy.none();

		private @Nullable BudgetGuard budgetGuard;

		private Builder(CallPricer pricer) {
			Assert.notNull(pricer, "pricer must not be null");
			this.pricer = pricer;
		}

		/**
		 * Set the recorder that every priced call goes to: it settles budgets and feeds
		 * the meters, the endpoint totals and the spend-rate recorder.
		 * @param recorder the recorder, by default one that feeds nothing
		 * @return this builder
		 */
		public Builder recorder(LlmCostRecorder recorder) {
			Assert.notNull(recorder, "recorder must not be null");
			this.recorder = recorder;
			return this;
		}

		/**
		 * Set the usage normalizers.
		 * @param usageNormalizers the normalizers, by default those of the providers on
		 * the class path
		 * @return this builder
		 */
		public Builder usageNormalizers(UsageNormalizers usageNormalizers) {
			Assert.notNull(usageNormalizers, "usageNormalizers must not be null");
			this.usageNormalizers = usageNormalizers;
			return this;
		}

		/**
		 * Set the estimator of the usage of streams that end without usage.
		 * @param usageEstimator the estimator, by default one that counts with jtokkit
		 * @return this builder
		 */
		public Builder usageEstimator(UsageEstimator usageEstimator) {
			Assert.notNull(usageEstimator, "usageEstimator must not be null");
			this.usageEstimator = usageEstimator;
			return this;
		}

		/**
		 * Set the registry to record observations in.
		 * @param observationRegistry the registry, a no-op registry by default
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "observationRegistry must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Set a custom observation convention.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable LlmCostObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Set the order of the advisor.
		 * @param order the order, {@link LlmCostAdvisor#DEFAULT_ORDER} by default
		 * @return this builder
		 */
		public Builder order(int order) {
			this.order = order;
			return this;
		}

		/**
		 * Set the policy that decides the attribution tags of calls.
		 * @param attributionPolicy the policy; by default calls carry their per-request
		 * tags on spans and no tag on meters
		 * @return this builder
		 */
		public Builder attributionPolicy(AttributionPolicy attributionPolicy) {
			Assert.notNull(attributionPolicy, "attributionPolicy must not be null");
			this.attributionPolicy = attributionPolicy;
			return this;
		}

		/**
		 * Set the guard that holds calls to budgets.
		 * @param budgetGuard the guard, or {@code null} for no budgets
		 * @return this builder
		 */
		public Builder budgetGuard(@Nullable BudgetGuard budgetGuard) {
			this.budgetGuard = budgetGuard;
			return this;
		}

		/**
		 * Build the advisor.
		 * @return the advisor
		 */
		public LlmCostAdvisor build() {
			return new LlmCostAdvisor(this);
		}

	}

}
