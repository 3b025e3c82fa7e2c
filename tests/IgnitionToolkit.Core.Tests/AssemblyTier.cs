// Every test of this project is a unit test (make test-fast runs Category=Unit).
[assembly: AssemblyTrait("Category", "Unit")]
