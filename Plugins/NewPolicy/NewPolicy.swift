import PackagePlugin

@main struct NewPolicy: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
