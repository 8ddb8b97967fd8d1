global using StateLens.Engine.Model;
global using Xunit;
global using StateLens.Rules;
