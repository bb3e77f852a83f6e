import Core

/// Simulated clients: submit, cancel, subscribe, disconnect, reconnect (replay after the last id
/// seen), and operator engine commands.
extension SimWorld {
    func clientStep(_ index: Int, repetition: Int) {
        let step = scenario.steps[index]
        let clientIndex = client(step.client)
        switch step.action {
        case .submit(let alias, let submit):
            let name = step.repeatCount > 1 ? "\(alias)#\(repetition)" : alias
            submitTask(name, submit)
        case .cancel(let alias):
            guard let id = book.ids[alias] else { return unknownAlias(alias) }
            deliver(.client(.cancel(id)))
        case .subscribe(let alias):
            let job: TaskID?
            if alias == "*" {
                job = nil
            } else {
                guard let id = book.ids[alias] else { return unknownAlias(alias) }
                job = id
            }
            clients[clientIndex].subscriptions.append(Subscription(alias: alias, job: job, lastSeen: nil))
            replay(clientIndex, subscription: clients[clientIndex].subscriptions.count - 1)
        case .disconnect:
            clients[clientIndex].connected = false
        case .reconnect:
            clients[clientIndex].connected = true
            for subscription in clients[clientIndex].subscriptions.indices { replay(clientIndex, subscription: subscription) }
        case .engine(let command, let engine):
            switch command {
            case .start: deliver(.client(.startEngine(engine)))
            case .stop: deliver(.client(.stopEngine(engine)))
            case .restart: deliver(.client(.restartEngine(engine)))
            }
        case .startAll: deliver(.client(.startAllEngines))
        case .stopAll: deliver(.client(.stopAllEngines))
        }
    }

    private func client(_ name: String) -> Int {
        if let index = clients.firstIndex(where: { $0.name == name }) { return index }
        clients.append(SimClient(name: name))
        return clients.count - 1
    }

    private func unknownAlias(_ alias: String) {
        violations.append(SimViolation("scenario", "no task submitted as '\(alias)' yet", atMs: nowMs))
    }

    private func submitTask(_ alias: String, _ submit: SubmitSpec) {
        var spec = TaskSpec(audioPath: submit.audioPath, priority: submit.priority, engines: submit.engines)
        spec.transcribe.language = submit.language
        spec.deadlineMs = submit.deadlineMs
        spec.idempotencyKey = submit.idempotencyKey
        spec.requestTimeoutMs = submit.requestTimeoutMs
        spec.cost = submit.cost
        for dependency in submit.dependsOn {
            guard let id = book.ids[dependency] else { return unknownAlias(dependency) }
            spec.dependencies.append(id)
        }
        submittingAlias = alias
        deliver(.client(.submit(spec)))
        submittingAlias = nil
    }

    /// Asks for the events after the subscription's last id and checks they are exactly the missed
    /// ones (or `history.truncated` followed by everything retained).
    private func replay(_ clientIndex: Int, subscription index: Int) {
        let subscription = clients[clientIndex].subscriptions[index]
        var replayed: [Event] = []
        for action in deliver(.client(.replay(job: subscription.job, after: subscription.lastSeen))) {
            if case .reply(.replay(_, let events)) = action { replayed = events }
        }
        if options.recordEvents { checkReplay(replayed, subscription: subscription) }
        for event in replayed { receive(event, clientIndex: clientIndex, subscription: index) }
    }

    func receive(_ event: Event, clientIndex: Int, subscription: Int) {
        clients[clientIndex].subscriptions[subscription].lastSeen = event.id
        if options.recordEvents { clients[clientIndex].received.append(RecordedEvent(event, atMs: nowMs)) }
    }

    /// Live delivery of an emitted event to connected subscribers, clients in name order of creation.
    func deliverToClients(_ event: Event) {
        for clientIndex in clients.indices where clients[clientIndex].connected {
            for (index, subscription) in clients[clientIndex].subscriptions.enumerated() where subscription.job == event.job {
                receive(event, clientIndex: clientIndex, subscription: index)
            }
        }
    }
}
